"""Alembic revisions of Minbar's schema (docs/deploy.md, "Schema changes")."""
