/** The staff area's shell: the dashboard, composed from the public services of the features. */
package de.stadtportal.admin;
