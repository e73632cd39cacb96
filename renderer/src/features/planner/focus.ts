/** Gives the focus to an element once the render that shows it is done (the button pressed may be gone). */
export function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
