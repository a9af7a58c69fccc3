// Placeholder until branch localhost's host lands.
return 0;
