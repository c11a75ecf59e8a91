"""Agenda items no longer hold their theme and group reports: the themes and taskgroups apps link them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0005_merge_search_text'),
        ('taskgroups', '0005_group_reports_link_their_agenda_items'),
        ('themes', '0005_theme_reports_link_their_agenda_items'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='agendaitem',
            name='task_group_report',
        ),
        migrations.RemoveField(
            model_name='agendaitem',
            name='theme_report',
        ),
        migrations.RemoveField(
            model_name='historicalagendaitem',
            name='task_group_report',
        ),
        migrations.RemoveField(
            model_name='historicalagendaitem',
            name='theme_report',
        ),
    ]
