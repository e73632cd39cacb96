// Moving the focus after an action whose button is gone (a closed form, a removal, an applied proposal). One
// animation frame is not enough: the element may be drawn a little later (a slow machine, the answer's state
// rendered after the frame), or drawn again when the view reloads on the change it caused. So the focus is
// given as soon as the element exists, and given back if a redraw dropped it to the page — for a short while,
// and never taken from something else the person has moved to meanwhile.

const FRAMES = 30;

export function focusWhenDrawn(find: () => HTMLElement | null, options: { scroll?: (element: HTMLElement) => void } = {}): void {
  let given: HTMLElement | null = null;
  let frame = 0;
  const give = (element: HTMLElement) => {
    element.focus({ preventScroll: true });
    options.scroll?.(element);
    given = element;
  };
  const step = () => {
    const element = find();
    const active = document.activeElement;
    const dropped = !active || active === document.body;
    if (element && given === null) give(element);
    else if (element && active !== element && dropped) give(element);
    // The person has moved on to something else: leave the focus with them.
    else if (given !== null && !dropped && active !== element) return;
    if (++frame < FRAMES) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

export function focusById(id: string): void {
  focusWhenDrawn(() => document.getElementById(id));
}
