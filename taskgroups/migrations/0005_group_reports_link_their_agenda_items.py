"""Each agenda item's task group report is kept by the taskgroups app, which builds on meetings; the links are copied."""

import django.db.models.deletion
from django.db import migrations, models


def copy_links(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Link = apps.get_model("taskgroups", "GroupReportItem")
    Link.objects.bulk_create(
        Link(item_id=item, report_id=report)
        for item, report in AgendaItem.objects.filter(task_group_report__isnull=False).values_list("pk", "task_group_report_id")
    )


def copy_links_back(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Link = apps.get_model("taskgroups", "GroupReportItem")
    for item, report in Link.objects.values_list("item_id", "report_id"):
        AgendaItem.objects.filter(pk=item).update(task_group_report_id=report)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0005_merge_search_text'),
        ('taskgroups', '0004_merge_parallel_changes'),
    ]

    operations = [
        migrations.CreateModel(
            name='GroupReportItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('item', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='group_report_link', to='meetings.agendaitem')),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_links', to='taskgroups.groupreport')),
            ],
            options={
                'verbose_name': 'agenda item taking a task-and-finish group report',
            },
        ),
        migrations.AddField(
            model_name='groupreport',
            name='agenda_items',
            field=models.ManyToManyField(blank=True, related_name='group_reports', through='taskgroups.GroupReportItem', to='meetings.agendaitem'),
        ),
        migrations.RunPython(copy_links, copy_links_back),
    ]
