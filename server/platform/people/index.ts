export { createPeopleService } from './people.service';
export type { PeopleService } from './people.service';
export { peopleRoutes } from './people.routes';
