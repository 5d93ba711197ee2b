// Clusters for a dense map: the places that have events in view, weighted by how many, grouped on
// screen with supercluster. Clustering places rather than events keeps the index small (a dataset
// has far fewer places than events), so it can be rebuilt at every window change. Pure: no Leaflet,
// no DOM.
import Supercluster from 'supercluster';

export interface PlacePoint {
  placeId: string;
  lat: number;
  lon: number;
  /** Events at this place in the time window. */
  count: number;
}

export type ClusterItem =
  | {
      kind: 'cluster';
      clusterId: number;
      lat: number;
      lon: number;
      /** Events in the cluster. */
      count: number;
      /** Places in the cluster. */
      places: number;
    }
  | { kind: 'place'; placeId: string; lat: number; lon: number; count: number };

export interface PlaceClusters {
  /** Clusters and lone places inside [west, south, east, north] at a map zoom. */
  items(bbox: readonly [number, number, number, number], zoom: number): ClusterItem[];
  /** The zoom at which a cluster splits into its parts. */
  expansionZoom(clusterId: number): number;
}

export interface ClusterOptions {
  /** Cluster radius, px. @default 56 */
  radius?: number;
  /** Above this zoom every place stands alone. @default 11 */
  maxZoom?: number;
}

interface Props {
  placeId: string;
  count: number;
}

export function clusterPlaces(points: readonly PlacePoint[], options: ClusterOptions = {}): PlaceClusters {
  const index = new Supercluster<Props, { count: number }>({
    radius: options.radius ?? 56,
    maxZoom: options.maxZoom ?? 11,
    minZoom: 0,
    map: (p) => ({ count: p.count }),
    reduce: (acc, p) => {
      acc.count += p.count;
    },
  });
  index.load(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { placeId: p.placeId, count: p.count },
    })),
  );
  return {
    items(bbox, zoom) {
      const z = Math.max(0, Math.floor(zoom));
      const [w, s, e, n] = bbox;
      const box: [number, number, number, number] = [w, Math.max(-90, s), e, Math.min(90, n)];
      return index.getClusters(box, z).map((f): ClusterItem => {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number } & Partial<Props>;
        return p.cluster
          ? { kind: 'cluster', clusterId: p.cluster_id!, lat, lon, count: p.count!, places: p.point_count! }
          : { kind: 'place', placeId: p.placeId!, lat, lon, count: p.count! };
      });
    },
    expansionZoom(clusterId) {
      return index.getClusterExpansionZoom(clusterId);
    },
  };
}

/** A count short enough for a cluster disc: 999, 1.2k, 12k, 120k. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  return `${Math.floor(n / 1000)}k`;
}
