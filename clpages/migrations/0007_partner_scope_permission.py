from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0006_search_title_body_index"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="partnermembership",
            options={
                "permissions": [
                    ("act_for_own_organisations", "Act for their own partner organisations only")
                ],
                "verbose_name": "partner membership",
            },
        ),
    ]
