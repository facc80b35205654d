/** The social section: built in its own chunk, loaded when first opened. */
export default function Section() {
  return <h1>Social</h1>;
}
