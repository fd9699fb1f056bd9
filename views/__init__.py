"""The dashboard's pages. They read the warehouse through its named queries only."""
