// What a key press means for the registered key actions: which key, with which modifiers, and where
// the focus is (typing in a field, on a control, among the timeline marks, in the map). Shared by
// the playback keys and the presentation keys.
import type { KeyInput } from '../state/key-actions';

export function keyInput(e: KeyboardEvent): KeyInput {
  const el = e.target instanceof Element ? e.target : null;
  const typing =
    !!el &&
    (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null ||
      (el as HTMLElement).isContentEditable === true);
  return {
    key: e.key,
    altKey: e.altKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    typing,
    onControl: !!el?.closest('button, a[href], summary, [role=button], [role=link], [role=menuitem], [role=tab]'),
    inTimelineMarks: !!el?.closest('.tl-mark'),
    inMap: !!el?.closest('.leaflet-container'),
  };
}
