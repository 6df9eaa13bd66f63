/*
 * Maps of the business directory, an enhancement only: without JavaScript the pages show a link to
 * OpenStreetMap or a plain list. Nothing comes from the tile server until the visitor presses
 * "Karte laden" (§ 25 TDDDG). Leaflet and its marker clusters are served by the portal itself.
 * No inline code or styles (Content-Security-Policy): everything is read from data-* attributes.
 */
(function () {
  'use strict';

  var boxes = document.querySelectorAll('[data-map]');
  var loading = null;

  function add(tag, properties) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(properties).forEach(function (key) { element[key] = properties[key]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function loadLeaflet(box, clusters) {
    if (!loading) {
      loading = add('link', { rel: 'stylesheet', href: box.dataset.leafletCss })
        .then(function () { return add('script', { src: box.dataset.leafletJs }); })
        .then(function () {
          if (!clusters) { return null; }
          return Promise.all([
            add('link', { rel: 'stylesheet', href: box.dataset.clusterCss }),
            add('link', { rel: 'stylesheet', href: box.dataset.clusterTheme }),
            add('script', { src: box.dataset.clusterJs })
          ]);
        });
    }
    return loading;
  }

  function escapeHtml(text) {
    var span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  function marker(latLng, name, item) {
    var result = L.marker(latLng, { alt: name, title: name, keyboard: true });
    if (item) {
      var link = item.querySelector('a');
      var address = item.querySelector('.address');
      var popup = document.createElement('div');
      var a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.textContent;
      popup.appendChild(a);
      if (address) {
        var p = document.createElement('p');
        p.textContent = address.textContent;
        popup.appendChild(p);
      }
      result.bindPopup(popup);
    }
    return result;
  }

  function show(box) {
    var canvas = document.createElement('div');
    canvas.className = 'map-canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', box.dataset.mapLabel);
    box.appendChild(canvas);
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: escapeHtml(box.dataset.attribution) }).addTo(map);
    if (box.dataset.kind === 'single') {
      var latLng = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lon)];
      map.setView(latLng, 17);
      marker(latLng, box.dataset.name, null).addTo(map);
    } else {
      var group = L.markerClusterGroup();
      var bounds = [];
      var list = document.getElementById(box.dataset.list);
      (list ? list.querySelectorAll('[data-lat]') : []).forEach(function (item) {
        var position = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
        group.addLayer(marker(position, item.querySelector('a').textContent, item));
        bounds.push(position);
      });
      map.addLayer(group);
      if (bounds.length) {
        map.fitBounds(bounds, { maxZoom: 16, padding: [24, 24] });
      } else {
        map.setView([51.5236, 6.9292], 12); // Bottrop
      }
    }
  }

  Array.prototype.forEach.call(boxes, function (box) {
    var note = document.createElement('p');
    note.className = 'map-note';
    note.textContent = box.dataset.note;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = box.dataset.loadLabel;
    button.addEventListener('click', function () {
      button.disabled = true;
      loadLeaflet(box, box.dataset.kind === 'list').then(function () {
        note.remove();
        button.remove();
        show(box);
      }, function () {
        button.disabled = false;
      });
    });
    box.appendChild(note);
    box.appendChild(button);
    box.hidden = false;
  });
}());
