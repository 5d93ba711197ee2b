// While the dataset loads: the shape of the page (header, map, details, timeline) in quiet blocks, so the
// layout does not jump when the data arrives. index.html holds the same markup for the first paint.
import type { ReactNode } from 'react';

export function LayoutSkeleton({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <div className="skeleton" role="status" aria-busy="true" data-testid="skeleton">
      <span className="visually-hidden">{label}</span>
      <div className="sk-header" aria-hidden="true">
        <div className="sk-title">
          <span className="sk-line sk-h1" />
          <span className="sk-line sk-dek" />
        </div>
        <span className="sk-line sk-tool" />
      </div>
      <div className="sk-main" aria-hidden="true">
        <div className="sk-map" />
        <div className="sk-details">
          <span className="sk-line" />
          <span className="sk-line sk-short" />
        </div>
        <div className="sk-timeline">
          <span className="sk-line sk-lane" />
          <span className="sk-line sk-lane sk-short" />
          <span className="sk-line sk-axis" />
        </div>
      </div>
      {children}
    </div>
  );
}
