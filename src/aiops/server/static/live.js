// Follows an incident's live investigation (Server-Sent Events) and refreshes the side panel
// when its state changes. Text is inserted as text, never as markup, and no inline style is set
// (the page's CSP allows none): the depth of a step is a data attribute styled by style.css. (aiops; Apache-2.0)
(function () {
  "use strict";
  var REFRESH = { approval: 1, decision: 1, result: 1, status: 1, diagnosis: 1, alert: 1 };

  function refreshPanel(id) {
    var panel = document.getElementById(id);
    if (panel && window.htmx) { window.htmx.trigger(panel, "refresh"); }
  }

  function follow(list) {
    var state = document.getElementById("stream-state");
    var panelId = list.getAttribute("data-panel");
    var timer = null;
    var source = new EventSource(list.getAttribute("data-events"));
    source.onopen = function () { if (state) { state.textContent = "live"; } };
    source.onmessage = function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      var item = document.createElement("li");
      item.className = "step kind-" + String(event.kind).replace(/[^a-z]/g, "");
      item.setAttribute("data-depth", String(Math.min(Math.max(Number(event.depth) || 0, 0), 4)));
      item.setAttribute("data-kind", event.kind);
      item.textContent = event.text || event.kind;
      list.appendChild(item);
      list.scrollTop = list.scrollHeight;
      if (REFRESH[event.kind] && panelId) {
        clearTimeout(timer);
        timer = setTimeout(function () { refreshPanel(panelId); }, 150);
      }
    };
    source.addEventListener("end", function () {
      source.close();
      if (state) { state.textContent = "investigation finished"; }
      refreshPanel(panelId);
    });
    source.onerror = function () { if (state) { state.textContent = "reconnecting…"; } };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var list = document.getElementById("steps");
    if (list && list.getAttribute("data-events")) { follow(list); }
  });
})();
