import NotFound from '../../pages/NotFound'

// Being built in this session; replaced before the UI lands.
export default NotFound
