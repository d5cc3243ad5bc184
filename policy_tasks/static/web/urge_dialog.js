/* The supervision console's urge dialog: one form for every row of the ledger.
   Without JavaScript (or without <dialog>) each row's 催办 link opens the same form on a
   page of its own, which posts and comes back to the list with its filters. */
(function () {
  "use strict";
  var opener = null;

  function dialog() { return document.getElementById("urge-dialog"); }

  function clearErrors(box) {
    var error = box.querySelector(".msg-error");
    error.hidden = true;
    error.textContent = "";
    box.querySelectorAll(".field-error").forEach(function (p) { p.remove(); });
    box.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
  }

  // The server's answer is the row's form with the reason beside the field it names
  // (partials/urge_form.html): the dialog shows it beside its own field of that name.
  function showRefusal(box, holder) {
    var reason = holder.querySelector(".field-error, .msg-error");
    var invalid = holder.querySelector("[aria-invalid=true]");
    var field = invalid && box.querySelector("[name='" + invalid.getAttribute("name") + "']");
    var text = reason ? reason.textContent.trim() : "催办未能下发，请稍后重试";
    if (!field) {
      var error = box.querySelector(".msg-error");
      error.textContent = text;
      error.hidden = false;
      return;
    }
    var note = document.createElement("p");
    note.className = "field-error";
    note.id = field.id + "-error";
    note.setAttribute("role", "alert");
    note.textContent = text;
    field.parentNode.insertBefore(note, field);
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", note.id);
    field.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.urge-open") : null;
    var box = dialog();
    if (link && box && typeof box.showModal === "function") {
      event.preventDefault();
      opener = link;
      var form = box.querySelector("form");
      form.setAttribute("action", link.getAttribute("data-action"));
      box.querySelector(".urge-target").textContent = link.getAttribute("data-title");
      clearErrors(box);
      box.showModal();
      box.querySelector("select").focus();
      return;
    }
    if (event.target.closest && event.target.closest(".urge-cancel") && box) {
      box.close();
    }
  });

  document.addEventListener("submit", function (event) {
    var box = dialog();
    if (!box || !box.contains(event.target) || !window.fetch) { return; }
    event.preventDefault();
    var form = event.target;
    var error = box.querySelector(".msg-error");
    clearErrors(box);
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      headers: { "HX-Request": "true" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (html) { return { ok: response.ok, html: html }; });
    }).then(function (answer) {
      var holder = document.createElement("div");
      holder.innerHTML = answer.html;
      if (!answer.ok || holder.querySelector(".field-error, .msg-error")) {
        // The form stays open with what was typed; the reason beside the field it names.
        showRefusal(box, holder);
        return;
      }
      var cell = opener && document.getElementById(opener.getAttribute("data-target"));
      if (cell) { cell.innerHTML = answer.html; }
      box.close();
      if (cell) { cell.setAttribute("tabindex", "-1"); cell.focus(); }
    }).catch(function () {
      error.textContent = "网络异常，催办未能下发";
      error.hidden = false;
    });
  });
})();
