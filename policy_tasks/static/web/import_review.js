/* Import review: post only the clauses the reviewer touched.

A long task list has thousands of inputs, past Django's DATA_UPLOAD_MAX_NUMBER_FIELDS. The
server keeps the signed correction of any clause whose fields are absent, and every field is
prefilled with that correction, so leaving an untouched clause out of the POST changes nothing.
Without this script every field is posted, which is as correct and fine for ordinary plans. */
(function () {
  "use strict";
  var form = document.getElementById("confirm-form");
  if (!form) { return; }

  function changed(el) {
    if (el.type === "checkbox") { return el.checked !== el.defaultChecked; }
    return el.value !== el.defaultValue;
  }

  form.addEventListener("submit", function () {
    var clauses = form.querySelectorAll("[data-clause]");
    for (var i = 0; i < clauses.length; i++) {
      var fields = clauses[i].querySelectorAll("input");
      var touched = false;
      for (var j = 0; j < fields.length; j++) {
        if (changed(fields[j])) { touched = true; break; }
      }
      // Disabled inputs are not submitted; the page is replaced by the answer anyway.
      if (!touched) {
        for (var k = 0; k < fields.length; k++) { fields[k].disabled = true; }
      }
    }
  });
  // Back from the answer, a page restored from the cache must be editable again.
  window.addEventListener("pageshow", function () {
    var off = form.querySelectorAll("[data-clause] input:disabled");
    for (var i = 0; i < off.length; i++) { off[i].disabled = false; }
  });
})();
