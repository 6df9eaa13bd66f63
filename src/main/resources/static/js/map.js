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
          // Leaflet guesses its marker images' folder from the page's address (a 404 under
          // /unternehmen/); name the served folder instead.
          L.Icon.Default.imagePath = box.dataset.leafletImages;
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

  /*
   * The pin of a listing's form: it writes into the plain latitude/longitude fields (which work
   * without this script). Drag it, click into the map, or focus it and use the arrow keys
   * (Shift: ten times the step); typing into the fields moves it. A live region says where it is.
   */
  function pick(map, box) {
    var lat = document.getElementById('latitude');
    var lon = document.getElementById('longitude');
    var status = document.createElement('p');
    status.className = 'map-note';
    status.setAttribute('aria-live', 'polite');
    var help = document.createElement('p');
    help.className = 'hint';
    help.textContent = box.dataset.pickHelp;
    box.insertBefore(help, box.firstChild);
    box.appendChild(status);
    function number(input) { return parseFloat(String(input.value).replace(',', '.')); }
    function typed() {
      var a = number(lat), b = number(lon);
      return isNaN(a) || isNaN(b) ? null : L.latLng(a, b);
    }
    var start = typed();
    var center = start || L.latLng((parseFloat(lat.dataset.min) + parseFloat(lat.dataset.max)) / 2,
      (parseFloat(lon.dataset.min) + parseFloat(lon.dataset.max)) / 2);
    map.setView(center, start ? 17 : 12);
    var pin = L.marker(center, { draggable: true, keyboard: true, alt: box.dataset.pinLabel, title: box.dataset.pinLabel });
    pin.addTo(map);
    function write(position) {
      lat.value = position.lat.toFixed(6);
      lon.value = position.lng.toFixed(6);
      status.textContent = box.dataset.pinAt.replace('{0}', lat.value).replace('{1}', lon.value);
    }
    pin.on('dragend', function () { write(pin.getLatLng()); });
    map.on('click', function (event) { pin.setLatLng(event.latlng); write(event.latlng); });
    var steps = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    pin.getElement().addEventListener('keydown', function (event) {
      var direction = steps[event.key];
      if (!direction) { return; }
      // the pin moves, not the map (Leaflet pans the map on arrow keys)
      event.preventDefault();
      event.stopPropagation();
      var step = event.shiftKey ? 0.001 : 0.0001;
      var from = pin.getLatLng();
      var to = L.latLng(from.lat + direction[0] * step, from.lng + direction[1] * step);
      pin.setLatLng(to);
      map.panTo(to);
      write(to);
    });
    [lat, lon].forEach(function (input) {
      input.addEventListener('change', function () {
        var position = typed();
        if (position) { pin.setLatLng(position); map.panTo(position); }
      });
    });
  }

  function show(box) {
    var canvas = document.createElement('div');
    canvas.className = 'map-canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', box.dataset.mapLabel);
    box.appendChild(canvas);
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: escapeHtml(box.dataset.attribution) }).addTo(map);
    if (box.dataset.kind === 'pick') {
      pick(map, box);
    } else if (box.dataset.kind === 'single') {
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
