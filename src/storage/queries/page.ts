// The window of a list that one page shows.

export interface PageRequest {
  offset: number;
  limit: number;
}
