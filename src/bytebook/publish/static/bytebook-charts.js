// Draws every chart on the page from its inline JSON spec with the locally served vega-embed.
// The static SVG inside each chart stays in place for readers without JavaScript.
(function () {
  "use strict";
  function draw(container) {
    var specNode = container.querySelector("script.bytebook-spec");
    if (!specNode || typeof window.vegaEmbed !== "function") { return; }
    var spec = JSON.parse(specNode.textContent);
    var target = document.createElement("div");
    target.className = "bytebook-live";
    container.appendChild(target);
    // ast: Vega interprets its expressions instead of compiling them with `new Function`,
    // which the pages' content security policy does not allow.
    window.vegaEmbed(target, spec, { renderer: "svg", actions: false, ast: true })
      .then(function () {
        var fallback = container.querySelector(".bytebook-static");
        if (fallback) { fallback.remove(); }
        container.setAttribute("data-drawn", "true");
      })
      .catch(function (error) {
        target.remove();
        container.setAttribute("data-drawn", "failed");
        console.error("chart " + container.id + " could not be drawn: " + error);
      });
  }
  function drawAll() {
    document.querySelectorAll(".bytebook-chart").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
