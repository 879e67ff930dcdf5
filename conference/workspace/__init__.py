"""The secretariat's workspace: people and roles, rescheduling, export/import/clone, organisers.

`agenda_file` turns a conference in the database back into an agenda spec and TOML; `edits` are
pure changes to a spec; `operations` validate an edit with the agenda engine, load it, write the
audit log and keep the conference's agenda file (the file the database is rebuilt from).
"""
