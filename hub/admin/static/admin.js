// Asks before forms marked data-confirm are sent (kept out of the HTML so the CSP can forbid inline scripts).
document.addEventListener("submit", function (event) {
  var message = event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
