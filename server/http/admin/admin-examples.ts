/** A real 3 × 2 PNG as a data URL: the PATCH example must pass the handler's own checks. */
export const LOGO_FIXTURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4w8AAQVDqDAMDADSsBMlunj+iAAAAAElFTkSuQmCC';
