// Keyboard answering: 1-4 pick a choice, T/F pick True/False, Enter submits, N goes on.
// Everything also works with the mouse and with the browser's own keyboard handling.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target instanceof HTMLInputElement && event.target.type === "text";
  const form = document.getElementById("answer-form");
  const key = event.key.toLowerCase();
  if (form && !typing) {
    const radios = [...form.querySelectorAll('input[type="radio"]')];
    let pick = null;
    if (/^[1-9]$/.test(key)) pick = radios[Number(key) - 1];
    if (key === "t") pick = radios.find((r) => r.value === "True");
    if (key === "f") pick = radios.find((r) => r.value === "False");
    if (pick) {
      pick.checked = true;
      pick.focus();
      event.preventDefault();
      return;
    }
    if (key === "enter" && radios.some((r) => r.checked)) {
      form.requestSubmit();
      event.preventDefault();
      return;
    }
  }
  if (!form && key === "n") {
    const next = document.getElementById("next");
    if (next) {
      next.click();
      event.preventDefault();
    }
  }
});
