"""The pages shown beside the drawing: home, region, condition, problems."""
