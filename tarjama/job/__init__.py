"""The job: plans articles, runs the stages through an executor (local or Ray), commits what they give."""
