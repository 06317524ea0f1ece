export { TodoQueries, type ListTodosInput } from './todos.ts';
