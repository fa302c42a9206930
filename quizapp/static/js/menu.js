// On a phone the signed-in menu (nine items) wrapped to three lines above every page:
// there it folds behind a Menu button. Without script nothing folds, and every link
// stays in view as before.
const toggle = document.querySelector(".menu-toggle");
if (toggle) {
  const nav = toggle.closest("nav");
  nav.classList.add("foldable");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  });
}
