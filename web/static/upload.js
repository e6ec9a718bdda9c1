// Drag and drop onto the library uploads the dropped statements through the
// same form (which works without this script: choose files, press Upload).
"use strict";
(function () {
  var form = document.querySelector("form[data-drop]");
  if (!form) return;
  var input = form.querySelector("input[type=file]");
  var target = document.querySelector("main") || document.body;
  ["dragenter", "dragover"].forEach(function (ev) {
    target.addEventListener(ev, function (e) { e.preventDefault(); form.classList.add("dropping"); });
  });
  ["dragleave", "drop"].forEach(function (ev) {
    target.addEventListener(ev, function () { form.classList.remove("dropping"); });
  });
  target.addEventListener("drop", function (e) {
    e.preventDefault();
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    input.files = e.dataTransfer.files;
    form.submit();
  });
})();
