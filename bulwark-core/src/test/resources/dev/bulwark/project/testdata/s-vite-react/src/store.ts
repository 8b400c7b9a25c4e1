import { create } from "zustand";

type Todo = { id: number; text: string; done: boolean };
type State = { todos: Todo[]; add: (t: string) => void; toggle: (id: number) => void };

export const useTodos = create<State>((set) => ({
  todos: [],
  add: (text) => set((s) => ({ todos: [...s.todos, { id: Date.now(), text, done: false }] })),
  toggle: (id) => set((s) => ({ todos: s.todos.map((t) => (t.id === id ? { ...t, done: !t.done } : t)) })),
}));
