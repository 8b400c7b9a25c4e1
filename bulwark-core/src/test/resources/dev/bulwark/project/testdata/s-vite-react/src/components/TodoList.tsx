import { useTodos } from "../store";

export function TodoList() {
  const { todos, toggle } = useTodos();
  return (
    <ul>
      {todos.map((t) => (
        <li key={t.id} onClick={() => toggle(t.id)} className={t.done ? "done" : ""}>{t.text}</li>
      ))}
    </ul>
  );
}
