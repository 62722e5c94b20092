"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24

The first schema: every register, code lists seeded, the change counter row.
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('code_item',
    sa.Column('list_name', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('label_zh', sa.String(length=100), nullable=False),
    sa.Column('label_en', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('list_name', 'code')
    )
    op.create_table('job_fair',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('organiser', sa.String(length=100), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('job_fair', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_fair_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_fair_station_code'), ['station_code'], unique=False)

    op.create_table('relief_visit',
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('campaign', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('cash_fen', sa.Integer(), nullable=False),
    sa.Column('goods', sa.String(length=200), nullable=True),
    sa.Column('goods_value_fen', sa.Integer(), nullable=False),
    sa.Column('visitors', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_norm', sa.String(length=24), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('relief_visit', schema=None) as batch_op:
        batch_op.create_index('ix_relief_live_date', ['deleted_at', 'visit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_relief_visit_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_relief_visit_station_code'), ['station_code'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('staff',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_station_code'), ['station_code'], unique=False)

    op.create_table('visit',
    sa.Column('visited_at', sa.DateTime(), nullable=False),
    sa.Column('left_at', sa.DateTime(), nullable=True),
    sa.Column('union_member', sa.String(length=10), nullable=False),
    sa.Column('party_size', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('referred_to', sa.String(length=100), nullable=True),
    sa.Column('staff', sa.String(length=50), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_norm', sa.String(length=24), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index('ix_visit_live_time', ['deleted_at', 'visited_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_station_code'), ['station_code'], unique=False)

    op.create_table('volunteer',
    sa.Column('skills', sa.String(length=200), nullable=False),
    sa.Column('availability', sa.String(length=100), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_norm', sa.String(length=24), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_station_code'), ['station_code'], unique=False)

    op.create_table('fair_employer',
    sa.Column('fair_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('contact', sa.String(length=50), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_norm', sa.String(length=24), nullable=True),
    sa.Column('positions', sa.Integer(), nullable=False),
    sa.Column('job_titles', sa.String(length=500), nullable=True),
    sa.Column('pay_range', sa.String(length=50), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['fair_id'], ['job_fair.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('fair_employer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_employer_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_employer_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_employer_station_code'), ['station_code'], unique=False)

    op.create_table('job_seeker',
    sa.Column('fair_id', sa.String(length=36), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('education', sa.String(length=20), nullable=True),
    sa.Column('household', sa.String(length=10), nullable=True),
    sa.Column('poverty_relief', sa.Boolean(), nullable=False),
    sa.Column('desired_job', sa.String(length=100), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_norm', sa.String(length=24), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['job_fair.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('job_seeker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_seeker_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_seeker_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_seeker_station_code'), ['station_code'], unique=False)

    op.create_table('service_record',
    sa.Column('volunteer_id', sa.String(length=36), nullable=False),
    sa.Column('served_on', sa.Date(), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('half_hours', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_record_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_station_code'), ['station_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_record_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('intention',
    sa.Column('fair_id', sa.String(length=36), nullable=False),
    sa.Column('seeker_id', sa.String(length=36), nullable=False),
    sa.Column('employer_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['fair_employer.id'], ),
    sa.ForeignKeyConstraint(['fair_id'], ['job_fair.id'], ),
    sa.ForeignKeyConstraint(['seeker_id'], ['job_seeker.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('intention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intention_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_intention_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intention_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intention_seeker_id'), ['seeker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intention_station_code'), ['station_code'], unique=False)

    _seed()


def _seed() -> None:
    # Code lists as shipped in revision 0001 (frozen here: later changes come as new revisions).
    from xiangyun_desk.domain.codes import CODE_LISTS

    op.bulk_insert(sa.table("change_counter", sa.column("id"), sa.column("last_seq")),
                   [{"id": 1, "last_seq": 0}])
    code_item = sa.table("code_item", sa.column("list_name"), sa.column("code"),
                         sa.column("label_zh"), sa.column("label_en"), sa.column("sort_order"),
                         sa.column("active"))
    op.bulk_insert(code_item, [
        {"list_name": name, "code": c.code, "label_zh": c.zh, "label_en": c.en,
         "sort_order": i, "active": True}
        for name, codes in CODE_LISTS.items() for i, c in enumerate(codes)
    ])


def downgrade() -> None:
    with op.batch_alter_table('intention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intention_station_code'))
        batch_op.drop_index(batch_op.f('ix_intention_seeker_id'))
        batch_op.drop_index(batch_op.f('ix_intention_employer_id'))
        batch_op.drop_index(batch_op.f('ix_intention_change_seq'))

    op.drop_table('intention')
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_record_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_service_record_station_code'))
        batch_op.drop_index(batch_op.f('ix_service_record_change_seq'))

    op.drop_table('service_record')
    with op.batch_alter_table('job_seeker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_seeker_station_code'))
        batch_op.drop_index(batch_op.f('ix_job_seeker_fair_id'))
        batch_op.drop_index(batch_op.f('ix_job_seeker_change_seq'))

    op.drop_table('job_seeker')
    with op.batch_alter_table('fair_employer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_employer_station_code'))
        batch_op.drop_index(batch_op.f('ix_fair_employer_fair_id'))
        batch_op.drop_index(batch_op.f('ix_fair_employer_change_seq'))

    op.drop_table('fair_employer')
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_station_code'))
        batch_op.drop_index(batch_op.f('ix_volunteer_change_seq'))

    op.drop_table('volunteer')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_station_code'))
        batch_op.drop_index('ix_visit_live_time')
        batch_op.drop_index(batch_op.f('ix_visit_change_seq'))

    op.drop_table('visit')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_station_code'))
        batch_op.drop_index(batch_op.f('ix_staff_change_seq'))

    op.drop_table('staff')
    op.drop_table('setting')
    with op.batch_alter_table('relief_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relief_visit_station_code'))
        batch_op.drop_index(batch_op.f('ix_relief_visit_change_seq'))
        batch_op.drop_index('ix_relief_live_date')

    op.drop_table('relief_visit')
    with op.batch_alter_table('job_fair', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_fair_station_code'))
        batch_op.drop_index(batch_op.f('ix_job_fair_change_seq'))

    op.drop_table('job_fair')
    op.drop_table('code_item')
    op.drop_table('change_counter')
