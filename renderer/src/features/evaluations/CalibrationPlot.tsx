import type { Consolidation, MemberCalibration } from '../../../../shared/model/scoring.js';
import { plural } from '../../components/labels.js';
import { score } from './format.js';

const SCALE = 20;
const TICKS = [0, 5, 10, 15, 20];
const WIDTH = 640;
const LABEL = 180;
const RIGHT = 24;
const TOP = 22;
const ROW = 26;
const AXIS = 38;
const PLOT = WIDTH - LABEL - RIGHT;

const COLORS = {
  text: 'var(--text-default-grey, #3a3a3a)',
  grid: 'var(--border-default-grey, #ddd)',
  bar: 'var(--border-action-high-blue-france, #000091)',
  dot: 'var(--background-action-high-blue-france, #000091)',
  commission: 'var(--text-default-error, #ce0500)',
};

export interface CalibrationRow extends MemberCalibration {
  name: string;
}

const x = (value: number) => LABEL + (Math.min(SCALE, Math.max(0, value)) / SCALE) * PLOT;

function shortName(name: string): string {
  return name.length > 26 ? `${name.slice(0, 25)}…` : name;
}

/** The plot's text for assistive technologies: what it shows, member by member. */
export function calibrationSummary(rows: readonly CalibrationRow[], commission: Consolidation['commission']): string {
  const members = rows.map((r) =>
    r.mean === null ? `${r.name} : aucune fiche soumise` : `${r.name} : moyenne ${score(r.mean)}, écart type ${score(r.sd)} (${plural(r.count, 'fiche', 'fiches')})`,
  );
  const head = commission.mean === null ? 'Étalonnage des membres : aucune fiche soumise' : `Étalonnage des membres sur 20, moyenne de la commission ${score(commission.mean)}`;
  return `${head}. ${members.join(' ; ')}.`;
}

/** One row per member: a dot at their mean, a bar for ± one standard deviation; the commission's mean as a vertical line. */
export function CalibrationPlot({ rows, commission }: { rows: readonly CalibrationRow[]; commission: Consolidation['commission'] }) {
  const height = TOP + rows.length * ROW + AXIS;
  const bottom = TOP + rows.length * ROW;
  return (
    <svg
      role="img"
      aria-label={calibrationSummary(rows, commission)}
      data-testid="calibration-plot"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block', fontSize: 12 }}
      className="fr-mb-2w"
    >
      {TICKS.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={bottom} style={{ stroke: COLORS.grid }} />
          <text x={x(t)} y={bottom + 16} textAnchor="middle" style={{ fill: COLORS.text }}>
            {t}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = TOP + i * ROW + ROW / 2;
        return (
          <g key={r.memberId} data-member-id={r.memberId}>
            <text x={LABEL - 8} y={y + 4} textAnchor="end" style={{ fill: COLORS.text }}>
              {shortName(r.name)}
            </text>
            {r.mean !== null && r.sd !== null && r.sd > 0 && (
              <line x1={x(r.mean - r.sd)} x2={x(r.mean + r.sd)} y1={y} y2={y} strokeWidth={3} strokeLinecap="round" style={{ stroke: COLORS.bar }} />
            )}
            {r.mean !== null ? (
              <circle cx={x(r.mean)} cy={y} r={5} style={{ fill: COLORS.dot }} />
            ) : (
              <text x={x(0) + 4} y={y + 4} style={{ fill: COLORS.text, fontStyle: 'italic' }}>
                aucune fiche
              </text>
            )}
          </g>
        );
      })}
      {commission.mean !== null && (
        <g>
          <line x1={x(commission.mean)} x2={x(commission.mean)} y1={TOP - 6} y2={bottom} strokeWidth={2} strokeDasharray="5 3" style={{ stroke: COLORS.commission }} />
          <text x={x(commission.mean)} y={TOP - 9} textAnchor="middle" style={{ fill: COLORS.commission }}>
            {`commission ${score(commission.mean)}`}
          </text>
        </g>
      )}
      <text x={LABEL + PLOT / 2} y={bottom + 33} textAnchor="middle" style={{ fill: COLORS.text }}>
        Total sur 20
      </text>
    </svg>
  );
}
