/** Downloads per day as SVG bars, drawn from `downloads.daily` (oldest first). */
export function DownloadChart({ daily, total }: { daily: Array<{ date: string; count: number }>; total: number }) {
  const width = 600;
  const height = 120;
  const max = Math.max(1, ...daily.map((d) => d.count));
  const slot = width / Math.max(daily.length, 1);
  const first = daily[0]?.date;
  const last = daily[daily.length - 1]?.date;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={`${total} downloads from ${first} to ${last}`} preserveAspectRatio="none">
        <line x1="0" y1={height} x2={width} y2={height} className="axis" />
        {daily.map((day, i) => {
          const h = (day.count / max) * (height - 4);
          return (
            <rect key={day.date} data-date={day.date} data-count={day.count} x={i * slot + 1} y={height - h} width={Math.max(slot - 2, 1)} height={h} className="bar">
              <title>{`${day.date}: ${day.count}`}</title>
            </rect>
          );
        })}
        <text x="0" y={height + 16} className="label">
          {first}
        </text>
        <text x={width} y={height + 16} textAnchor="end" className="label">
          {last}
        </text>
      </svg>
      <figcaption>
        {total} downloads in the last {daily.length} days
      </figcaption>
    </figure>
  );
}
