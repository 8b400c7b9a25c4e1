export default function App() {
  return <h1>Items</h1>;
}
