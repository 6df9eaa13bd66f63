-- The English alt text of a news item's image, optional: English pages show it, or else the German alt
-- text with the image marked lang="de". Part of the kept versions like the German one.
ALTER TABLE news ADD COLUMN image_alt_en VARCHAR(200);
