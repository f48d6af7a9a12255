// Publishing pages: small helpers over htmx. Everything here also works without it, by form.
(function () {
  "use strict";

  function composer(root) {
    var text = root.querySelector("#id_text");
    root.addEventListener("click", function (event) {
      var tag = event.target.closest("[data-hashtag]");
      if (tag && text) {
        var value = text.value;
        text.value = value + (value && !/\s$/.test(value) ? " " : "") + "#" + tag.dataset.hashtag;
        text.dispatchEvent(new Event("input", { bubbles: true }));
        text.focus();
      }
      var split = event.target.closest("[data-split]");
      if (split) {
        var box = root.querySelector("#id_thread_" + split.dataset.split);
        if (box) {
          box.checked = true;
          box.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
    });
  }

  function calendar(root) {
    root.addEventListener("dragstart", function (event) {
      var post = event.target.closest("[data-post]");
      if (post) event.dataTransfer.setData("text/plain", post.dataset.post);
    });
    root.addEventListener("dragover", function (event) {
      var cell = event.target.closest("[data-day]");
      if (cell) { event.preventDefault(); cell.classList.add("drop"); }
    });
    root.addEventListener("dragleave", function (event) {
      var cell = event.target.closest("[data-day]");
      if (cell) cell.classList.remove("drop");
    });
    root.addEventListener("drop", function (event) {
      var cell = event.target.closest("[data-day]");
      var board = event.target.closest("[data-move]");
      if (!cell || !board) return;
      event.preventDefault();
      var values = { post: event.dataTransfer.getData("text/plain"), day: cell.dataset.day, view: board.dataset.view };
      if (cell.dataset.hour !== undefined) values.hour = cell.dataset.hour;
      window.htmx.ajax("POST", board.dataset.move, {
        target: "#calendar", swap: "outerHTML", values: values,
        headers: { "X-CSRFToken": board.dataset.csrf },
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-composer]").forEach(composer);
    var cal = document.querySelector("[data-calendar]");
    if (cal) calendar(cal);
  });
})();
