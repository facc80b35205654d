// uPlot draws on a canvas, which cannot read CSS variables: mid-tone colours that stand out on
// both the light and the dark surface.
export const chartColours = {
  onHand: '#3b82f6',
  value: '#d97706',
  reserved: '#a855f7',
  sold: '#16a34a',
};
