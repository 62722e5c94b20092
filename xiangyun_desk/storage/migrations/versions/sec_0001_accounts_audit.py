"""accounts and the append-only audit log

Revision ID: sec_0001
Revises: 0002
Create Date: 2026-11-24

Staff accounts (argon2id hashes) and the audit log. ``audit_log`` and ``audit_personal`` refuse
UPDATE and DELETE through triggers; a row of ``audit_personal`` may only be deleted once an
``erase`` entry for its record exists (erasing a person on request). A later migration that
rebuilds these tables (batch mode copies and drops them) must create the triggers again.
"""
from alembic import op
import sqlalchemy as sa


revision = 'sec_0001'
down_revision = '0002'
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_personal_no_update BEFORE UPDATE ON audit_personal
       BEGIN SELECT RAISE(ABORT, 'audit_personal is append-only'); END""",
    """CREATE TRIGGER audit_personal_delete_after_erasure BEFORE DELETE ON audit_personal
       WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'erase'
                        AND record_id = OLD.record_id AND id > OLD.entry_id)
       BEGIN SELECT RAISE(ABORT, 'audit_personal rows go only with an erasure'); END""",
)

# PostgreSQL: the same rules as PL/pgSQL trigger functions.
PG_TRIGGERS = (
    """CREATE FUNCTION xyd_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$""",
    """CREATE FUNCTION xyd_audit_personal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'erase'
                        AND record_id = OLD.record_id AND id > OLD.entry_id) THEN
           RAISE EXCEPTION 'audit_personal rows go only with an erasure';
         END IF;
         RETURN OLD;
       END $$""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION xyd_append_only()""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION xyd_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION xyd_append_only()""",
    """CREATE TRIGGER audit_personal_no_update BEFORE UPDATE ON audit_personal
       FOR EACH ROW EXECUTE FUNCTION xyd_append_only()""",
    """CREATE TRIGGER audit_personal_delete_after_erasure BEFORE DELETE ON audit_personal
       FOR EACH ROW EXECUTE FUNCTION xyd_audit_personal_delete()""",
)


def upgrade() -> None:
    op.create_table(
        'account',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('username', sa.String(length=50), nullable=False),
        sa.Column('username_key', sa.String(length=50), nullable=False),
        sa.Column('display_name', sa.String(length=50), nullable=False),
        sa.Column('role', sa.String(length=10), nullable=False),
        sa.Column('password_hash', sa.Text(), nullable=False),
        sa.Column('recovery_hash', sa.Text(), nullable=True),
        sa.Column('must_change_password', sa.Boolean(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('failed_count', sa.Integer(), nullable=False),
        sa.Column('last_failed_at', sa.DateTime(), nullable=True),
        sa.Column('last_sign_in_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('username_key'),
    )
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor_id', sa.String(length=36), nullable=False),
        sa.Column('actor_name', sa.String(length=50), nullable=False),
        sa.Column('actor_role', sa.String(length=10), nullable=False),
        sa.Column('action', sa.String(length=24), nullable=False),
        sa.Column('table_name', sa.String(length=40), nullable=True),
        sa.Column('record_id', sa.String(length=36), nullable=True),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['at'])
    op.create_index('ix_audit_log_action', 'audit_log', ['action'])
    op.create_index('ix_audit_log_record_id', 'audit_log', ['record_id'])
    op.create_table(
        'audit_personal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('record_id', sa.String(length=36), nullable=True),
        sa.Column('field', sa.String(length=40), nullable=False),
        sa.Column('old', sa.Text(), nullable=True),
        sa.Column('new', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['entry_id'], ['audit_log.id']),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_audit_personal_entry_id', 'audit_personal', ['entry_id'])
    op.create_index('ix_audit_personal_record_id', 'audit_personal', ['record_id'])
    for statement in TRIGGERS if op.get_bind().dialect.name == "sqlite" else PG_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_table('audit_personal')
        op.drop_table('audit_log')
        op.drop_table('account')
        op.execute('DROP FUNCTION IF EXISTS xyd_append_only()')
        op.execute('DROP FUNCTION IF EXISTS xyd_audit_personal_delete()')
        return
    for name in ('audit_personal_delete_after_erasure', 'audit_personal_no_update',
                 'audit_log_no_delete', 'audit_log_no_update'):
        op.execute(f'DROP TRIGGER IF EXISTS {name}')
    op.drop_table('audit_personal')
    op.drop_table('audit_log')
    op.drop_table('account')
