/* The scenes the engine opens itself (see SceneTable in app.h): one row each. */
#include "scenes.h"

const SceneTable SCENE_TABLE = {
    .menu = &SCENE_MENU,
    .help = &SCENE_HELP,
    .notice = &SCENE_NOTICE,
    .checkin = &SCENE_CHECKIN,
};
