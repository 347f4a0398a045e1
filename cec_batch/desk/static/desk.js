// The review desk's keys (see the Keys panel): no framework, no build step.
(function () {
  "use strict";
  var zoom = 1, turn = 0;

  function $(sel) { return document.querySelector(sel); }

  function placeBoxes() {
    document.querySelectorAll(".box[data-box]").forEach(function (el) {
      var b;
      try { b = JSON.parse(el.getAttribute("data-box")); } catch (e) { return; }
      el.style.left = (b[0] * 100) + "%";
      el.style.top = (b[1] * 100) + "%";
      el.style.width = ((b[2] - b[0]) * 100) + "%";
      el.style.height = ((b[3] - b[1]) * 100) + "%";
    });
  }

  function view() {
    var page = $("#page");
    if (!page) { return; }
    page.style.width = (zoom * 100) + "%";
    page.style.transform = turn ? "rotate(" + turn + "deg)" : "";
  }

  function go(sel) {
    var a = $(sel);
    if (a && a.getAttribute("href")) { window.location.href = a.getAttribute("href"); }
  }

  function focusField(key) {
    var input = document.querySelector('input[data-shortcut="' + key + '"]');
    if (input && !input.disabled) { input.focus(); input.select(); return true; }
    return false;
  }

  function pick(n) {
    var item = document.querySelector('li.candidate[data-pick="' + n + '"]');
    var input = $("#f-certificant");
    if (!item || !input || input.disabled) { return false; }
    input.value = item.getAttribute("data-id");
    document.querySelectorAll("li.candidate").forEach(function (li) { li.classList.remove("picked"); });
    item.classList.add("picked");
    return true;
  }

  function postShown() {
    var form = $("#decide"), button = $("#post");
    if (form && button && !button.disabled) { form.requestSubmit(button); }
  }

  // Someone else may decide this exception while it is on screen: say so, and by whom.
  function watch() {
    var desk = $("#desk"), url = desk && desk.getAttribute("data-status-url");
    if (!url || !window.fetch) { return; }
    var timer = setInterval(function () {
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s || s.status === "open") { return; }
          clearInterval(timer);
          var note = $("#taken-now");
          note.textContent = "Taken meanwhile: " + s.status + " by " + s.resolved_by + " at " + s.resolved_at +
            ". Press j for the next one.";
          note.hidden = false;
          document.querySelectorAll("#decide input, #decide button, #dismiss input, #dismiss button")
            .forEach(function (el) { el.disabled = true; });
        }).catch(function () {});
    }, 4000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    placeBoxes();
    watch();
    var toggle = $("#keys-toggle");
    if (toggle) { toggle.addEventListener("click", function () { $("#keys").hidden = !$("#keys").hidden; }); }
    var zin = $("#zoom-in"), zout = $("#zoom-out"), rot = $("#rotate");
    if (zin) { zin.addEventListener("click", function () { zoom = Math.min(4, zoom * 1.25); view(); }); }
    if (zout) { zout.addEventListener("click", function () { zoom = Math.max(0.5, zoom / 1.25); view(); }); }
    if (rot) { rot.addEventListener("click", function () { turn = (turn + 90) % 360; view(); }); }
    document.querySelectorAll("button.pick").forEach(function (b) {
      b.addEventListener("click", function () { pick(b.getAttribute("data-pick")); });
    });
    document.querySelectorAll("button.number").forEach(function (b) {
      b.addEventListener("click", function () {
        var input = $("#f-course");
        if (input && !input.disabled) { input.value = b.getAttribute("data-number"); input.focus(); }
      });
    });
    // Highlight a field's region while its input has the focus.
    document.querySelectorAll("input[data-shortcut]").forEach(function (input) {
      var names = { i: "certificant_id", c: "course_number", t: "completion_date", e: "ceus" };
      var box = document.querySelector('.box[data-field="' + names[input.getAttribute("data-shortcut")] + '"]');
      if (!box) { return; }
      input.addEventListener("focus", function () { box.classList.add("active"); });
      input.addEventListener("blur", function () { box.classList.remove("active"); });
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) { return; }
    var t = e.target;
    if (t && t.matches && t.matches("input, textarea, select")) {
      if (e.key === "Escape") { t.blur(); e.preventDefault(); }
      return;  // typing corrects the field; Enter submits its own form
    }
    if (t && t.matches && t.matches("button, a[href]") && e.key === "Enter") { return; }
    var key = e.key, done = true;
    if (key === "Enter") { postShown(); }
    else if (key >= "1" && key <= "9") { done = pick(key); }
    else if (key === "d") { var r = $("#reason"); if (r) { r.focus(); } else { done = false; } }
    else if (key === "j") { go("#next"); }
    else if (key === "k") { go("#back"); }
    else if (key === "q") { go("#queue"); }
    else if (key === "i" || key === "c" || key === "t" || key === "e") { done = focusField(key); }
    else if (key === "+" || key === "=") { zoom = Math.min(4, zoom * 1.25); view(); }
    else if (key === "-") { zoom = Math.max(0.5, zoom / 1.25); view(); }
    else if (key === "r") { turn = (turn + 90) % 360; view(); }
    else if (key === "?") { var k = $("#keys"); if (k) { k.hidden = !k.hidden; } }
    else { done = false; }
    if (done) { e.preventDefault(); }
  });
})();
