-- Trigram similarity for the search module's spelling tolerance (typos, Thai tone-mark slips).
-- pg_trgm is a trusted extension: the database owner may create it. On PGlite it must be loaded
-- with the instance (src/platform/db.ts passes it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
