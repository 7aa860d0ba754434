import layout from '../../assets/sip-layout.geo.json';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import type { Project } from '../../lib/types.ts';
import { Chart } from '../../ui/charts/index.tsx';

interface Props {
  kind: string;
  name: string;
  nameEn: string;
  code: string;
  group: string;
  labelAt?: number[];
}
interface Feature {
  type: 'Feature';
  properties: Props;
  geometry: { type: string; coordinates: unknown };
}

const features = layout.features as Feature[];
const polygons = {
  type: 'FeatureCollection',
  features: features.filter((f) => f.geometry.type === 'Polygon'),
};
const points = features.filter((f) => f.geometry.type === 'Point');
const axes = features.filter((f) => f.geometry.type === 'LineString');

const AREA_COLORS: Record<string, string> = {
  'A-JJH': '#cfe0ff',
  'A-DSH': '#d8f0e3',
  'A-GD': '#fde7d2',
  'A-YCH': '#ece3fb',
};

export const LAYOUT_FEATURES = features;

/** The GeoJSON's `group` (一核 / 两轴 / 三心 / 四片 / 重大项目 / 水域) as a message key. */
export const GROUP_KEYS = {
  '\u4e00\u6838': 'layout.core',
  '\u4e24\u8f74': 'layout.axes',
  '\u4e09\u5fc3': 'layout.centres',
  '\u56db\u7247': 'layout.areas',
  '\u91cd\u5927\u9879\u76ee': 'layout.projects',
  '\u6c34\u57df': 'layout.water',
} as const satisfies Record<string, MessageKey>;

export function groupKey(group: string): MessageKey {
  return (GROUP_KEYS as Record<string, MessageKey>)[group] ?? 'layout.other';
}

/** Where a project goes: its own coordinates, else its schematic point, else near its area's or centre's anchor. */
function placeProjects(projects: Project[]): { name: string; value: [number, number]; code: string }[] {
  const byCode = new Map(features.map((f) => [f.properties.code, f]));
  const out: { name: string; value: [number, number]; code: string }[] = [];
  projects.forEach((p, i) => {
    let at: number[] | undefined;
    if (p.longitude !== null && p.latitude !== null) at = [p.longitude, p.latitude];
    const own = byCode.get(p.code);
    if (!at && own?.geometry.type === 'Point') at = own.geometry.coordinates as number[];
    const unit = p.spatialUnitCode ? byCode.get(p.spatialUnitCode) : undefined;
    if (!at && unit) {
      const anchor =
        unit.properties.labelAt ??
        (unit.geometry.type === 'Point' ? (unit.geometry.coordinates as number[]) : undefined);
      // Spread projects that share an anchor a little, deterministically.
      if (anchor)
        at = [
          (anchor[0] ?? 0) + 0.006 * Math.cos(i * 2.4),
          (anchor[1] ?? 0) - 0.012 + 0.006 * Math.sin(i * 2.4),
        ];
    }
    if (at && at[0] !== undefined && at[1] !== undefined)
      out.push({ name: p.name, value: [at[0], at[1]], code: p.code });
  });
  return out;
}

/** The plan's spatial layout (一核两轴三心四片) from the schematic GeoJSON shipped with lantu — no tiles. */
export function LayoutMap({
  height = 420,
  dark = false,
  onSelect,
  projects,
}: {
  height?: number | string;
  dark?: boolean;
  onSelect?: (code: string) => void;
  /** Projects from the library; without them the schematic's own project points are drawn. */
  projects?: Project[] | undefined;
}) {
  const { t, lang } = useI18n();
  const label = (p: Props) => (lang === 'en' ? p.nameEn : p.name);
  const byName = new Map(features.map((f) => [f.properties.name, f.properties]));
  const pointData = (kind: string) =>
    points
      .filter((f) => f.properties.kind === kind)
      .map((f) => ({
        name: f.properties.name,
        value: f.geometry.coordinates as [number, number],
        code: f.properties.code,
      }));
  const text = dark ? '#dbe6ff' : '#1f2329';
  return (
    <Chart
      height={height}
      label={t('map.label')}
      map={{ name: 'sip-layout', geoJSON: polygons }}
      onEvents={{
        click: (p: unknown) => {
          const name = (p as { name?: string }).name;
          const code = name ? byName.get(name)?.code : undefined;
          if (code && onSelect) onSelect(code);
        },
      }}
      option={{
        tooltip: {
          trigger: 'item',
          // Drawn as canvas text, never HTML: project names come from the API.
          renderMode: 'richText',
          formatter: (p: unknown) => {
            const name = (p as { name?: string }).name ?? '';
            const props = byName.get(name);
            return props ? `${label(props)}\n${t(groupKey(props.group))}` : name;
          },
        },
        geo: {
          map: 'sip-layout',
          roam: true,
          aspectScale: 0.86,
          label: { show: false },
          itemStyle: { borderColor: dark ? '#5a96ff' : '#ffffff', borderWidth: 2 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: dark ? '#2b5fbf' : '#b5cdfd' } },
          regions: features
            .filter((f) => f.geometry.type === 'Polygon')
            .map((f) => ({
              name: f.properties.name,
              itemStyle: {
                areaColor:
                  f.properties.kind === 'lake'
                    ? dark
                      ? '#1b4f8f'
                      : '#9cc9f5'
                    : dark
                      ? 'rgba(40, 90, 180, 0.45)'
                      : (AREA_COLORS[f.properties.code] ?? '#e5e6eb'),
              },
            })),
        },
        series: [
          {
            // Area names at hand-placed anchors, clear of the centres.
            type: 'scatter',
            coordinateSystem: 'geo',
            symbolSize: 0,
            silent: true,
            label: {
              show: true,
              formatter: '{b}',
              color: dark ? '#e8f0ff' : '#4e5969',
              fontSize: dark ? 16 : 12,
              fontWeight: 'bold',
            },
            data: features
              .filter((f) => f.properties.kind === 'area' && f.properties.labelAt)
              .map((f) => ({ name: label(f.properties), value: f.properties.labelAt })),
          },
          {
            type: 'lines',
            coordinateSystem: 'geo',
            polyline: true,
            silent: true,
            lineStyle: { color: dark ? '#ffb454' : '#e37318', width: 2, type: 'dashed', opacity: 0.8 },
            data: axes.map((f) => ({
              name: f.properties.name,
              coords: f.geometry.coordinates as [number, number][],
            })),
          },
          {
            name: t('map.core'),
            type: 'effectScatter',
            coordinateSystem: 'geo',
            symbolSize: dark ? 26 : 18,
            itemStyle: { color: '#d54941' },
            label: {
              show: true,
              position: 'right',
              formatter: '{b}',
              color: text,
              fontWeight: 'bold',
              fontSize: dark ? 16 : 12,
            },
            data: pointData('core'),
          },
          {
            name: t('map.centre'),
            type: 'scatter',
            coordinateSystem: 'geo',
            symbol: 'diamond',
            symbolSize: dark ? 20 : 14,
            itemStyle: { color: '#1664ff', borderColor: '#fff', borderWidth: 1 },
            label: { show: true, position: 'right', formatter: '{b}', color: text, fontSize: dark ? 15 : 11 },
            data: pointData('centre'),
          },
          {
            name: t('map.project'),
            type: 'scatter',
            coordinateSystem: 'geo',
            symbol: 'pin',
            symbolSize: dark ? 26 : 20,
            itemStyle: { color: '#0e8a4f' },
            label: { show: false },
            emphasis: { label: { show: true, formatter: '{b}', position: 'top', color: text } },
            data: projects ? placeProjects(projects) : pointData('project'),
          },
        ],
        legend: {
          bottom: 4,
          left: 'center',
          textStyle: { color: text },
          data: [t('map.core'), t('map.centre'), t('map.project')],
        },
      }}
    />
  );
}
