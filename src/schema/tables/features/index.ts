export { tenantsFeaturesRelations, todosRelations, userFeaturesRelations } from './relations.ts';
export { TODO_DESCRIPTION_MAX, TODO_TITLE_MAX, todos } from './todos.ts';
