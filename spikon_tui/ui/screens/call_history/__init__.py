"""Call history: ordering reports, following their generation, and showing, filtering
and exporting them."""
