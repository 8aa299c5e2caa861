// MapRender
