"""Alembic's environment: run by conference.migrate with an open connection (never from a .ini)."""
from alembic import context

from conference.db import Base, import_models

import_models()
config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    compare_server_default=False,
    user_module_prefix="conference.db.",
)

with context.begin_transaction():
    context.run_migrations()
