"""The answers store's messages that every page using it shows (data/ui ws.msg.*):
the worksheet form and the self-assessment."""

# The store's and the import preview's messages (data/ui/worksheets.yml, ws.msg.*), shared
# with the worksheets (smartcity/outputs/worksheets/html.py): the export file, its import and its errors are the same.
STORE_MESSAGES = ("storage_full", "storage_blocked", "storage_unavailable", "private",
                  "imported", "import_bad", "import_foreign", "import_edition", "import_version", "import_invalid",
                  "import_title", "import_intro", "import_col_what", "import_col_fill", "import_col_replace",
                  "import_older", "import_replace", "import_checklist", "import_go", "import_cancel",
                  "import_cancelled", "import_nothing", "import_full", "import_failed")
