/** Gives the focus to an element once the render that shows it is done (the button pressed may be gone). */
export { focusById } from '../../components/focusWhenDrawn.js';
