// The React bridge of the D3 timeline: create the adapter once, hand it each new view, destroy it on
// unmount. The latest callbacks live in a ref so that new closures never recreate the timeline.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createTimeline } from './timeline';
import type { TimelineCallbacks, TimelineHandle, TimelineView } from './timeline-types';
import './timeline.css';

export interface TimelineProps extends TimelineCallbacks {
  view: TimelineView;
  className?: string;
}

export function Timeline({ view, onSelect, onHover, onWindowChange, onGesture, className }: TimelineProps) {
  const elRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<TimelineHandle | null>(null);
  const callbacksRef = useRef<TimelineCallbacks>({ onSelect, onHover, onWindowChange, onGesture });

  useEffect(function keepLatestCallbacks() {
    callbacksRef.current = { onSelect, onHover, onWindowChange, onGesture };
  });

  // Layout effects, which run before any component's plain effects: the timeline has its height when
  // the map (a plain effect) is created and measures the room left to it. Created after, the map was
  // fitted and drawn at a size it lost at once (a second fit, every route projected again).
  useLayoutEffect(function createTimelineOnce() {
    const el = elRef.current;
    if (!el) return;
    const handle = createTimeline(el, {
      onSelect: (id) => callbacksRef.current.onSelect(id),
      onHover: (id) => callbacksRef.current.onHover(id),
      onWindowChange: (w) => callbacksRef.current.onWindowChange(w),
      onGesture: (active) => callbacksRef.current.onGesture?.(active),
    });
    handleRef.current = handle;
    return function destroyTimeline() {
      handle.destroy();
      if (handleRef.current === handle) handleRef.current = null;
    };
  }, []);

  useLayoutEffect(
    function updateTimeline() {
      handleRef.current?.update(view);
    },
    [view],
  );

  return (
    <div
      ref={elRef}
      className={className ? `tl-host ${className}` : 'tl-host'}
      role="region"
      aria-label={view.t('timeline')}
    />
  );
}
