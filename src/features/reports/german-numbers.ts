// The report's figures as German readers and German Excel expect them: a decimal
// comma and a fixed number of decimals, the same on screen and in the CSV.

/** Minutes as hours with two decimals and a decimal comma: 90 → "1,50". */
export function hoursDe(minutes: number): string {
  return (minutes / 60).toFixed(2).replace('.', ',');
}

/** Kilometres with one decimal and a decimal comma: 12.5 → "12,5". */
export function kilometresDe(kilometres: number): string {
  return kilometres.toFixed(1).replace('.', ',');
}
